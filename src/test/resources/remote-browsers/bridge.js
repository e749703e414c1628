// node bridge.js FROM TO: pipes every connection made to FROM through to TO (each a port on 127.0.0.1 or a Unix
// socket path). Carries a Playwright server in a network namespace of its own to the test machine; ends with its stdin.
const net = require('net');
const [from, to] = process.argv.slice(2);
const addr = s => /^\d+$/.test(s) ? { port: +s, host: '127.0.0.1' } : { path: s };
const server = net.createServer(c => {
  const t = net.connect(addr(to));
  c.pipe(t); t.pipe(c);
  c.on('error', () => t.destroy()); t.on('error', () => c.destroy());
});
server.listen(addr(from), () => console.log('bridge ' + from + ' -> ' + to));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
