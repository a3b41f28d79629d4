import { spawn, type ChildProcess } from "node:child_process"
import { readFileSync } from "node:fs"
import path from "node:path"

/** How the bot process is started: the bundle (bundle.ts) in the tests, the TypeScript source through tsx to compare. */
export type BotCommand = { bundle: string } | "tsx"

/** The bot in its own process, resolved once it prints "ready" (it polls then). */
export function spawnBot(command: BotCommand, env: Record<string, string>): Promise<ChildProcess> {
  // V8 without its helper threads (background compilers, parallel GC): the same program, less CPU for a process that
  // lives a few seconds (`npm run bench -- cold-start`, the bundle to "ready": 4.1–4.2 s of CPU against 4.9–5.2 s).
  const v8 = ["--single-threaded"]
  const args = command === "tsx" ? [...v8, "--import", "tsx", path.resolve(import.meta.dirname, "bot-process.ts")] : [...v8, command.bundle]
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  child.stderr!.on("data", (chunk) => (output += chunk))
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk
      if (output.includes("ready")) resolve(child)
    })
    child.once("exit", (code) => reject(new Error(`the bot process exited (${code}) before it was ready:\n${output}`)))
  })
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve())
    child.kill("SIGKILL")
  })
}

/** CPU seconds (user + system) a live child has used so far, from /proc; undefined where there is no /proc. */
export function cpuSeconds(child: ChildProcess): number | undefined {
  try {
    // Fields after "(comm) ": state is [0], utime [11], stime [12] in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ")
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}
