/**
 * Colours chosen for a projector (strong contrast on white, distinguishable in grey-scale and for
 * red–green colour blindness: blue/orange as the main pair, with shape/label cues beside colour).
 */
export const PALETTE = Object.freeze({
  ink: '#1f2328',
  muted: '#57606a',
  faint: '#d0d7de',
  base: '#dbe9ff', // base-image layers
  baseStroke: '#1d63ed',
  own: '#fff1d6', // layers the image added itself
  ownStroke: '#d4760a',
  shared: '#d9f2e6', // layers shared with another image
  sharedStroke: '#1a7f4b',
  writable: '#fff8c5', // the container's R/W layer
  writableStroke: '#9a6700',
  hit: '#1a7f4b',
  hitFill: '#d9f2e6',
  miss: '#cf222e',
  missFill: '#ffe1e1',
  whiteout: '#cf222e',
  critical: '#cf222e',
  series: ['#1d63ed', '#d4760a', '#1a7f4b', '#8250df', '#bf3989', '#57606a'] as const,
});
