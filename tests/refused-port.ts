// A loopback TCP port that refuses connections, for "connection refused"
// tests. A port that was listened on and closed again is not safe: the
// kernel may pick that very port as the connect's ephemeral source port,
// and Linux then completes a self-connect (TCP simultaneous open) instead of
// refusing. Ports below 1024 are never handed out as ephemeral ports, so the
// first of them that refuses stays refusing. The search starts at 2: port 1
// is on the fetch standard's list of blocked ports, so HTTP clients would
// refuse it themselves before connecting.
import net from 'node:net';

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

/** The first port in 2..1023 on 127.0.0.1 that answers a connect with ECONNREFUSED. */
export async function refusedPort(): Promise<number> {
  for (let port = 2; port < 1024; port++) if (await refuses(port)) return port;
  throw new Error('no refusing port below 1024 on 127.0.0.1');
}
