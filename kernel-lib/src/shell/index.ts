// Public surface of the shell module (re-exported from src/index.ts).
export { ShellSession, runShell, type ShellOptions, type ShellRunOptions, type ShellResult } from './ShellSession';
export { parseShell } from './parse/parseShell';
export { ShellSyntaxError } from './ShellSyntaxError';
export type {
  Script as ShellScript,
  AndOr as ShellAndOr,
  Pipeline as ShellPipeline,
  Command as ShellAstCommand,
  SimpleCommand as ShellSimpleCommand,
  Word as ShellWord,
  WordPart as ShellWordPart,
  Redirect as ShellRedirect,
  Assignment as ShellAssignment,
} from './ast';
export type {
  ShellClock,
  ShellCommand,
  CommandContext,
  CommandKind,
  CommandIo,
  CommandRegistry,
  ShellHost,
  ShellRuntime,
} from './CommandContext';
export { DEFAULT_COMMANDS, createCommandRegistry } from './registry';
export { WRITE_BYTES_PER_SECOND } from './timeModel';
export type { PackageCatalog, CatalogPackage, IndexFile, PackageEcosystem } from './packages/PackageCatalog';
export {
  DOWNLOAD_BYTES_PER_SECOND,
  INSTALL_BYTES_PER_SECOND,
  REQUEST_SECONDS,
  PACKAGE_SECONDS,
  RESOLVE_SECONDS,
} from './packages/timeModel';
