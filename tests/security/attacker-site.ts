import { createServer } from 'node:http';

/** The attacker's own site: another local origin (so Chromium's private-network rules let it frame Bishop). */
export async function startAttackerSite() {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end(pages.get(request.url ?? '') ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    page(html: string): string {
      const path = `/${pages.size}`;
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
