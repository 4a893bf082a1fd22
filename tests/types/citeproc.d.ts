// The parts of citeproc-js (npm `citeproc`) that the citation tests use.
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string | object;
    retrieveItem(id: string): unknown;
  }
  class Engine {
    constructor(sys: Sys, style: string | object, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [unknown, string[]] | false;
  }
  const CSL: { Engine: typeof Engine; debug: (message: string) => void; error: (message: string) => void };
  export default CSL;
}
