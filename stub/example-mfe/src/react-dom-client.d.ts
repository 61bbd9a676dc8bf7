// The one react-dom API the example MFE uses. The repo installs React 18 for frontend-platform
// but not @types/react-dom (a dependency for one function); this states that function's type.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }

  export function createRoot(container: Element | DocumentFragment): Root;
}
