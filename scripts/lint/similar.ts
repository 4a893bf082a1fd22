/**
 * "Did you mean …": the closest known id or key, when one is close enough.
 * The edit distance is fastest-levenshtein's. The work is bounded: a word
 * that is not a plausible id or key gets no suggestion, only candidates of a
 * near length are compared, and each set of candidates answers a limited
 * number of questions (after that, no more suggestions in this run).
 */
import { distance } from 'fastest-levenshtein';

/** Longer than any id (80) or key: not a typo of one. */
export const MAX_WORD_LENGTH = 100;
/** Suggestions per candidate set and run; a file with thousands of broken references gets the first ones. */
export const MAX_QUESTIONS = 200;

const PLAUSIBLE = /^[\p{L}\p{N}_-]+$/u;

export class Suggester {
  private byLength = new Map<number, string[]>();
  private asked = 0;
  constructor(candidates: Iterable<string>) {
    for (const c of candidates) {
      if (c.length > MAX_WORD_LENGTH) continue;
      let list = this.byLength.get(c.length);
      if (!list) this.byLength.set(c.length, (list = []));
      list.push(c);
    }
  }

  closest(word: string): string | undefined {
    if (word.length === 0 || word.length > MAX_WORD_LENGTH || !PLAUSIBLE.test(word)) return undefined;
    if (++this.asked > MAX_QUESTIONS) return undefined;
    const limit = Math.max(2, Math.floor(word.length / 4));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (let delta = 0; delta <= limit && delta < bestDistance; delta++) {
      for (const length of delta === 0 ? [word.length] : [word.length - delta, word.length + delta]) {
        for (const candidate of this.byLength.get(length) ?? []) {
          const d = distance(word, candidate);
          if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
            best = candidate;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }
}

/** One question against a list of candidates (for small lists such as the keys of an object). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).closest(word);
}
