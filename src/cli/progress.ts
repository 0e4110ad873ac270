/** One updating line on a terminal; plain lines when output is not a terminal (CI logs). */
let last = 0;
export function progressLine(text: string, done = false) {
  if (process.stdout.isTTY) {
    process.stdout.write(`\r\x1b[2K${text}${done ? '\n' : ''}`);
  } else if (done || Date.now() - last > 2000) {
    if (text) console.log(text);
    last = Date.now();
  }
}
