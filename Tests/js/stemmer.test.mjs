// Tests for Templates/assets/search-stemmer.js, the English (Porter2) stemmer of the browser search.
//
//   node --test Tests/js/stemmer.test.mjs
//
// The vectors (Tests/Fixtures/search/stemmer-vectors.json, made by scripts/stemmer-vectors.py with
// the Snowball project's Python port) are shared with the Swift tests of EnglishStemmer.swift.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const stemmer = require(path.join(repo, 'Templates', 'assets', 'search-stemmer.js'));

const fixture = JSON.parse(readFileSync(path.join(repo, 'Tests', 'Fixtures', 'search', 'stemmer-vectors.json'), 'utf8'));

test('the vector file is well formed', () => {
  assert.equal(fixture.algorithm, 'snowball english (Porter2)');
  assert.match(fixture.generator, /^snowballstemmer \d+\.\d+/);
  assert.ok(Array.isArray(fixture.words) && fixture.words.length >= 2500, `expected 2,500+ words, found ${fixture.words.length}`);
  const words = fixture.words.map((pair) => pair[0]);
  assert.equal(new Set(words).size, words.length, 'words are unique');
  for (const [word, stem] of fixture.words) {
    assert.match(word, /^[a-z']+$/);
    assert.equal(typeof stem, 'string');
  }
});

test('every vector', () => {
  // One assertion over all the pairs: thousands of subtests would bury a failure in output.
  const failures = [];
  for (const [word, expected] of fixture.words) {
    const actual = stemmer.stem(word);
    if (actual !== expected) failures.push(`${word}: expected ${expected}, got ${actual}`);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${fixture.words.length} words stem differently`);
});

test('rules and exceptions', () => {
  const cases = {
    printing: 'print', archived: 'archiv', archive: 'archiv', syncing: 'sync', generously: 'generous',
    skis: 'ski', skies: 'sky', dying: 'die', news: 'news', sky: 'sky', inning: 'inning', proceed: 'proceed',
    hoping: 'hope', hopping: 'hop', yelling: 'yell', cry: 'cri', by: 'by', "boy's": 'boy', communication: 'communic'
  };
  for (const [word, stem] of Object.entries(cases)) assert.equal(stemmer.stem(word), stem, word);
});

test('other words come back unchanged', () => {
  for (const word of ['Printing', 'v1.2', 'café', '0x800ccc0f', '', 'a', 'printing '])
    assert.equal(stemmer.stem(word), word);
});

test('the stemmer is a browser global too', async () => {
  const { default: vm } = await import('node:vm');
  const window = {};
  vm.runInNewContext(readFileSync(path.join(repo, 'Templates', 'assets', 'search-stemmer.js'), 'utf8'), { window });
  assert.equal(window.FixbookStemmer.stem('printers'), 'printer');
});
