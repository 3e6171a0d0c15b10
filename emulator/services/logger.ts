/** Logger: collects log lines; `%s`-style placeholders are filled like Apps Script does. */
import { format } from 'node:util';
import { SERVICE } from '../calls';

export class Logger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  readonly [SERVICE] = 'Logger';
  readonly lines: string[] = [];

  constructor(private echo?: (line: string) => void) {}

  log(data: any, ...values: any[]): GoogleAppsScript.Base.Logger {
    const line = typeof data === 'string' && values.length ? format(data, ...values) : typeof data === 'string' ? data : format('%o', data);
    this.lines.push(line);
    this.echo?.(line);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }

  getLog(): string {
    return this.lines.map((l) => l + '\n').join('');
  }

  clear(): void {
    this.lines.length = 0;
  }
}
