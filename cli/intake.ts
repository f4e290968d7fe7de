/**
 * The `intake` command line. Each file in cli/commands/ registers one command group (extract, submit, cases, rules,
 * email, ...) by exporting `register(program)`, so commands can be added without touching this file.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

export async function buildProgram(): Promise<Command> {
  const program = new Command('intake').description('Skill Subsidy Intake — 西湖区职业技能补贴受理').showHelpAfterError();
  const files = readdirSync(commandsDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(commandsDir, file)).href)) as { register?: (p: Command) => void };
    module.register?.(program);
  }
  return program;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const program = await buildProgram();
  await program.parseAsync(process.argv);
}
