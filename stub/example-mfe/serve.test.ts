import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningMfe, serveExampleMfe } from './serve';

describe('serveExampleMfe', () => {
  let dir: string;
  let mfe: RunningMfe;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'serve-test-'));
    await writeFile(path.join(dir, 'index.html'), '<div id="root"></div>');
    await writeFile(path.join(dir, 'index.js'), 'console.log(1);');
    mfe = await serveExampleMfe({ dir, port: 0 });
  });

  afterAll(async () => {
    await mfe.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves built files with their content type and no caching', async () => {
    const response = await fetch(`${mfe.url}/index.js`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers client-side routes and paths outside the build folder with index.html', async () => {
    for (const route of ['/', '/u/verified', '/..%2Fpackage.json', '/%E0%A4%A']) {
      const response = await fetch(`${mfe.url}${route}`);
      expect({ route, body: await response.text() }).toEqual({
        route,
        body: '<div id="root"></div>',
      });
    }
  });

  it('refuses other methods with 405', async () => {
    const response = await fetch(`${mfe.url}/login_refresh`, { method: 'POST' });

    expect(response.status).toBe(405);
    expect(await response.text()).toContain('[example-mfe] POST is not served');
  });

  it('names the folder when there is nothing to serve', async () => {
    await expect(serveExampleMfe({ dir: path.join(dir, 'missing'), port: 0 })).rejects.toThrow(
      /Failed to serve .*missing: it has no index.html/,
    );
  });
});
