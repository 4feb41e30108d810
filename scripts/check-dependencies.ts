/** `npm run check:deps`: the dependency gate of scripts/lib/dependency-gate.ts for this checkout. */
import { checkDependencies } from './lib/dependency-gate'

const { problems, summary } = checkDependencies(process.cwd())
if (problems.length > 0) {
  console.error(`Dependency gate failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
console.log(`Dependency gate passed: ${summary}.`)
