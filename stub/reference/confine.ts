/**
 * Keeps pact-stub-server off the network. It has no host option: it always binds 0.0.0.0, so
 * run as it is, it would serve the pacts to every machine that can reach this one, past the
 * front door's Host, CORS and admin checks. On Linux it is started in a network namespace of its
 * own (`unshare --user --net`, no privilege needed), where 0.0.0.0 holds nothing but that
 * namespace's loopback; a small relay inside the namespace joins it to a Unix socket in the run
 * folder, which only this user can open, and the front door talks to that socket.
 *
 * Where that is impossible (not Linux, util-linux's unshare or iproute2's ip missing,
 * unprivileged user namespaces disabled), `confinement()` says why and the caller decides.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The port pact-stub-server binds inside its namespace: the namespace is its alone. */
export const CONFINED_PORT = 8000;

/**
 * Runs inside the namespace: starts pact-stub-server (argv after the socket path and port),
 * waits until its port accepts, then relays every connection of the Unix socket to it. It ends
 * when pact-stub-server ends (with its code), and ends pact-stub-server when its own stdin
 * closes, which happens when the stub that started it is gone, however it died.
 */
const RELAY = `
const net = require('node:net');
const { spawn } = require('node:child_process');
const [socketPath, port, command, ...args] = process.argv.slice(1);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('close', () => child.kill('SIGKILL'));
process.stdin.resume();
const relay = () =>
  net
    .createServer((client) => {
      const upstream = net.connect(Number(port), '127.0.0.1');
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    })
    .listen(socketPath);
const wait = () => {
  const probe = net.connect(Number(port), '127.0.0.1');
  probe.once('connect', () => { probe.destroy(); relay(); });
  probe.once('error', () => setTimeout(wait, 5));
};
wait();
`;

const findTool = (name: string, dirs: string[]) =>
  dirs.map((dir) => path.join(dir, name)).find((file) => existsSync(file));

let probed: { command?: { unshare: string; ip: string }; reason?: string } | undefined;

/** Whether this machine can confine the child, and with which tools (probed once). */
export function confinement(): { command?: { unshare: string; ip: string }; reason?: string } {
  if (probed) return probed;
  if (process.platform !== 'linux') {
    probed = { reason: `network namespaces are Linux only (this is ${process.platform})` };
    return probed;
  }
  const unshare = findTool('unshare', ['/usr/bin', '/bin']);
  const ip = findTool('ip', ['/usr/sbin', '/sbin', '/usr/bin', '/bin']);
  if (!unshare || !ip) {
    probed = {
      reason: `${unshare ? "iproute2's ip" : "util-linux's unshare"} is not installed`,
    };
    return probed;
  }
  const trial = spawnSync(
    unshare,
    ['--user', '--map-root-user', '--net', ip, 'link', 'set', 'lo', 'up'],
    {
      encoding: 'utf8',
      timeout: 5_000,
    },
  );
  probed =
    trial.status === 0
      ? { command: { unshare, ip } }
      : {
          reason: `unprivileged network namespaces are not allowed here (${(trial.stderr || trial.error?.message || `exit ${trial.status}`).trim()})`,
        };
  return probed;
}

/** The command line that runs `command args` in a namespace of its own, reachable only
 *  through `socketPath`. */
export function confinedCommandLine(
  tools: { unshare: string; ip: string },
  socketPath: string,
  command: string,
  args: string[],
): { command: string; args: string[] } {
  return {
    command: tools.unshare,
    args: [
      '--user',
      '--map-root-user',
      '--net',
      '/bin/sh',
      '-c',
      `"$0" link set lo up && exec "$@"`,
      tools.ip,
      process.execPath,
      '-e',
      RELAY,
      socketPath,
      String(CONFINED_PORT),
      command,
      ...args,
    ],
  };
}
