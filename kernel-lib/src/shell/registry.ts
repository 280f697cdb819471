/**
 * The commands the simulator knows, by name. Each family of commands lives in its own file under
 * commands/; this list is what the unknown-command hint prints.
 */
import type { CommandRegistry, ShellCommand } from './CommandContext';
import { BUILTIN_COMMANDS } from './commands/builtins';
import { ECHO_COMMANDS } from './commands/echo';
import { TEST_COMMANDS } from './commands/test';
import { FILE_COMMANDS } from './commands/fileops';
import { LS_COMMANDS } from './commands/ls';
import { INFO_COMMANDS } from './commands/fileinfo';
import { TEXT_COMMANDS } from './commands/text';
import { SED_COMMANDS } from './commands/sed';
import { GREP_COMMANDS } from './commands/grep';
import { DD_COMMANDS } from './commands/dd';
import { SYSTEM_COMMANDS } from './commands/system';
import { PACKAGE_COMMANDS } from './packages/commands';

export const DEFAULT_COMMANDS: readonly ShellCommand[] = Object.freeze([
  ...BUILTIN_COMMANDS,
  ...ECHO_COMMANDS,
  ...TEST_COMMANDS,
  ...FILE_COMMANDS,
  ...LS_COMMANDS,
  ...INFO_COMMANDS,
  ...TEXT_COMMANDS,
  ...SED_COMMANDS,
  ...GREP_COMMANDS,
  ...DD_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...PACKAGE_COMMANDS,
]);

/** A registry of `commands`; a later command of the same name replaces an earlier one. */
export function createCommandRegistry(commands: readonly ShellCommand[]): CommandRegistry {
  const byName = new Map<string, ShellCommand>();
  for (const c of commands) byName.set(c.name, c);
  const names = Object.freeze([...byName.keys()].sort());
  return Object.freeze({
    get: (name: string) => byName.get(name),
    names: () => names,
  });
}
