/** The stub's terminal voice: `[stub] …` lines on stderr, filtered by --log-level. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  level: LogLevel;
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const rank = (l: LogLevel) => LOG_LEVELS.indexOf(l);
  const at = (l: LogLevel) => (message: string) => {
    if (rank(l) <= rank(logger.level))
      write(
        `${message
          .split('\n')
          .map((line, i) => (i === 0 ? `[stub] ${line}` : `       ${line}`))
          .join('\n')}\n`,
      );
  };
  const logger: Logger = {
    level,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
  };
  return logger;
}
