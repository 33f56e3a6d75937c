/**
 * Colour on a terminal only: never when the output is a pipe or a file, never with `NO_COLOR`
 * set to anything non-empty (https://no-color.org), never on `TERM=dumb`.
 */
export function shouldUseColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return isTTY === true;
}

export interface Paint {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export const PLAIN: Paint = { red: plain, yellow: plain, green: plain, bold: plain, dim: plain };
export const ANSI: Paint = { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), bold: sgr(1, 22), dim: sgr(2, 22) };

export function paintFor(color: boolean | undefined): Paint {
  return color ? ANSI : PLAIN;
}
