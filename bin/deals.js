#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is no separate compile step for the command.
import {register} from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
