/**
 * How long simulated commands take. Only what a lesson measures costs time: `sleep` (exactly),
 * writing large files (dd, cp), and package downloads and installs (see packages/timeModel.ts).
 * Everything else — echo, ls, a small redirect — costs nothing, so the seed's four
 * `RUN echo … && sleep 2` steps take exactly 8 s.
 *
 * Writing: 500 MB/s, the sequential-write figure of a SATA SSD (e.g. Samsung 870 EVO's data sheet
 * gives 530 MB/s; NVMe disks are faster, spinning disks slower). So
 * `dd if=/dev/zero of=/largefile bs=1M count=512` takes about 1.07 s.
 */

/** Bytes written per simulated second (dd, cp). */
export const WRITE_BYTES_PER_SECOND = 500e6;
