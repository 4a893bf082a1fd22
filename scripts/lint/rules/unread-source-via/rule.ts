import type { RecordRule } from '../rule.js';
import { citationLists } from '../citations.js';

const isUnread = (source: Record<string, unknown> | undefined) => source?.read === 'not-read';

const rule: RecordRule = {
  name: 'unread-source-via',
  scope: 'record',
  collections: 'all',
  check: 'cite-what-was-read',
  description: 'A source marked not read is cited only through a source that was read: its citation names it in `via`, or a read source stands beside it in the same list.',
  run(record, ctx) {
    for (const { path, citations } of citationLists(record)) {
      const readBeside = citations.some((c) => typeof c.source === 'string' && ctx.lookup('sources', c.source) && !isUnread(ctx.lookup('sources', c.source)));
      citations.forEach((c, i) => {
        if (typeof c.via === 'string') {
          if (c.via === c.source) ctx.report([...path, i, 'via'], 'a citation cannot be read through itself', { tip: 'Name in via the source that was read and reports the cited one.' });
          else if (isUnread(ctx.lookup('sources', c.via))) {
            ctx.report([...path, i, 'via'], `"${c.via}" is itself marked not read, so it cannot be what the cited work is known through`, { tip: 'Point via at a source the project read.' });
          }
          return;
        }
        if (typeof c.source !== 'string' || !isUnread(ctx.lookup('sources', c.source)) || readBeside) return;
        ctx.report([...path, i], `"${c.source}" is marked not read, and no source that was read is cited with it`, {
          expected: 'a `via` naming the source that was read and reports it',
          tip: 'Cite the work through what you read: add "via": "<id of the article that reports it>", with an excerpt from that article.',
        });
      });
    }
  },
};
export default rule;
