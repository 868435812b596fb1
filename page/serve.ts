/** `regiosim page --serve`: the same single file, served on localhost (nothing else is served). */
import { createServer, type Server } from 'node:http';

/** Serves `html` at every path on 127.0.0.1:`port` (0: any free port); resolves with the URL. */
export function servePage(html: string, port: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : html);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://127.0.0.1:${actual}/`, server });
    });
  });
}
