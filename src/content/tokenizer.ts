// The kuromoji tokenizer: the only importer of kuromoji. Building it reads ~18 MB of gzipped
// IPADIC from node_modules and takes ~1 s and ~330 MB, so it is built once per process.
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';
import { MadoguchiError } from '../errors.js';
import { cleanText } from '../text/index.js';
import type { Token, Tokenize } from '../text/index.js';

let loading: Promise<Tokenize> | undefined;

/** kuromoji's dictionary directory, found next to its installed package. */
function dictionaryDir(): string {
  const main = createRequire(import.meta.url).resolve('kuromoji');
  return path.join(path.dirname(main), '..', 'dict');
}

function toToken(t: kuromoji.IpadicFeatures): Token {
  const token: Token = {
    surface: t.surface_form,
    base: t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form,
    pos: t.pos,
  };
  if (t.reading && t.reading !== '*') token.reading = t.reading;
  if (t.pos_detail_1 && t.pos_detail_1 !== '*') token.posDetail = t.pos_detail_1;
  if (t.word_type === 'UNKNOWN') token.unknown = true;
  return token;
}

/**
 * Builds the kuromoji tokenizer once per process and returns a `Tokenize` that cleans its input
 * (NFKC, case, spaces: kuromoji does not fold half-width kana) before tokenizing.
 * Later calls return the same promise. Fails with `content/tokenizer` if the dictionary is missing.
 */
export function loadTokenizer(): Promise<Tokenize> {
  loading ??= new Promise<Tokenize>((resolve, reject) => {
    const dicPath = dictionaryDir();
    kuromoji.builder({ dicPath }).build((err, tokenizer) => {
      if (err) {
        loading = undefined;
        reject(
          new MadoguchiError(
            'content/tokenizer',
            `cannot load the kuromoji dictionary from ${dicPath}`,
            undefined,
            {
              cause: err,
            },
          ),
        );
        return;
      }
      resolve((text) => tokenizer.tokenize(cleanText(text)).map(toToken));
    });
  });
  return loading;
}
