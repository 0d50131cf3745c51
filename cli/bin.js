#!/usr/bin/env node
// Entry point of the `jurybox` command. The command is written in TypeScript
// and runs through Node's type stripping, on by default since Node 22.18.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `jurybox needs Node 22.18 or newer, but this is Node ` +
      `${process.versions.node}.\nRun it with \`npx jurybox\` from the ` +
      `project folder, which uses the Node 22 installed by \`npm ci\`.\n`,
  );
  process.exit(1);
}
await import("./main.ts");
