/** The page count of a PDF, from poppler's `pdfinfo` (Debian poppler-utils). */
import { execFileSync } from 'node:child_process';
import { SlidesError } from '../SlidesError';

export function pdfPageCount(file: string): number {
  let text: string;
  try {
    text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  } catch (cause) {
    throw new SlidesError('SLIDES_BROWSER', `pdfinfo could not read ${file}; install it with "apt-get install -y poppler-utils"`, { data: { file }, cause });
  }
  const match = /^Pages:\s+(\d+)$/m.exec(text);
  if (!match) throw new SlidesError('SLIDES_BROWSER', `pdfinfo printed no page count for ${file}`, { data: { file, text } });
  return Number(match[1]);
}
