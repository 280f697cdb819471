/**
 * Test helper: the archive a broken or hostile generator would write. Our writers refuse such names,
 * so the tests forge them by hand: overwrite the first header's name field (ustar bytes 0–99) and
 * recompute its checksum (bytes 148–155: the sum of the header with the field read as spaces,
 * six octal digits, NUL, space — POSIX pax "ustar Interchange Format").
 */
export function withForgedFirstName(tar: Uint8Array, name: string): Buffer {
  const bytes = Buffer.from(tar);
  bytes.fill(0, 0, 100);
  bytes.write(name, 0, 'latin1');
  bytes.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += bytes[i]!;
  bytes.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return bytes;
}
