import type { ShellCommand } from '../CommandContext';

export const PACKAGE_COMMANDS: readonly ShellCommand[] = [];
