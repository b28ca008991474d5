// Lints a Markdown file with alex's Markdown API and prints its throughput
// in words per second, measured the same way as our lint_throughput example:
// one warm-up run, then the mean of timed rounds (node start-up excluded).
//
// Usage: node scripts/alex-throughput.mjs ALEX_DIR FILE [ROUNDS]

import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

const [alexDir, file, roundsArg] = process.argv.slice(2)
if (!alexDir || !file) {
  console.error('usage: alex-throughput.mjs ALEX_DIR FILE [ROUNDS]')
  process.exit(2)
}
const {markdown} = await import(
  pathToFileURL(join(alexDir, 'node_modules', 'alex', 'index.js')).href
)
const text = readFileSync(file, 'utf8')
const words = text.split(/\s+/).filter(Boolean).length
const rounds = Number(roundsArg || 5)

const messages = markdown(text).messages.length
const start = process.hrtime.bigint()
for (let i = 0; i < rounds; i++) markdown(text)
const secs = Number(process.hrtime.bigint() - start) / 1e9 / rounds
console.log(
  `alex:      ${words} words, ${messages} messages, ${(secs * 1000).toFixed(3)} ms per run, ${Math.round(words / secs)} words/s`
)
