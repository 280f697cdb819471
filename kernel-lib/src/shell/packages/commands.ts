/** The package managers and network tools, registered with the shell's other commands. */
import type { ShellCommand } from '../CommandContext';
import { APT_COMMANDS } from './aptGet';
import { APK_COMMANDS } from './apk';
import { NPM_COMMANDS } from './npm';
import { PIP_COMMANDS } from './pip';
import { GO_AND_DOWNLOAD_COMMANDS } from './goAndDownloads';

export const PACKAGE_COMMANDS: readonly ShellCommand[] = [...APT_COMMANDS, ...APK_COMMANDS, ...NPM_COMMANDS, ...PIP_COMMANDS, ...GO_AND_DOWNLOAD_COMMANDS];
