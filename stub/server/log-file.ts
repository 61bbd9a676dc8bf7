/**
 * --log-file: the stub's log lines go to a file that is rotated by size, so a stub left running
 * for days (one line per request at the default level) cannot fill the disk: past `maxBytes`
 * the file is renamed to `<file>.1` (replacing the previous one) and a new one is started. At
 * most twice `maxBytes` on disk. Writes are synchronous: a line is on disk when the request is
 * answered, and nothing is lost when the process is killed.
 */
import * as fs from 'node:fs';

export const DEFAULT_LOG_FILE_BYTES = 10 * 1024 * 1024;

export function rotatingLogFile(
  file: string,
  maxBytes: number = DEFAULT_LOG_FILE_BYTES,
): { write: (text: string) => void; close: () => void } {
  let fd = fs.openSync(file, 'a');
  let size = fs.fstatSync(fd).size;
  return {
    write(text) {
      const bytes = Buffer.from(text, 'utf8');
      if (size > 0 && size + bytes.length > maxBytes) {
        fs.closeSync(fd);
        fs.renameSync(file, `${file}.1`);
        fd = fs.openSync(file, 'a');
        size = 0;
      }
      fs.writeSync(fd, bytes);
      size += bytes.length;
    },
    close() {
      fs.closeSync(fd);
    },
  };
}
