// The two react-dom APIs the example MFE uses. The repo installs React 18 for frontend-platform
// but not @types/react-dom (a dependency for two functions); this states their types.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }

  export function createRoot(container: Element | DocumentFragment): Root;
}

declare module 'react-dom' {
  export function flushSync<R>(fn: () => R): R;
}
