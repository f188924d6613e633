// fast-check is seeded in `npm test`, so a property failure is the same on every run and every machine; `npm run
// test:long` sets FL_PROPERTY_SEED=random and prints the seed it drew, so a failure there can be replayed with
// FL_PROPERTY_SEED=<seed> (docs/conventions.md §5: property tests).
import fc from 'fast-check';

const asked = process.env.FL_PROPERTY_SEED;
const seed = asked === 'random' ? (Math.random() * 2 ** 31) | 0 : Number(asked ?? 20_261_126);
if (asked === 'random') console.info(`fast-check seed: ${seed} (replay with FL_PROPERTY_SEED=${seed})`);
fc.configureGlobal({ seed });
