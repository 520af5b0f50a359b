#!/usr/bin/env python3
"""Writes Tests/Fixtures/search/stemmer-vectors.json: English words and their Snowball stems.

The vectors are the contract between the two hand-written English (Porter2) stemmers,
Sources/FixbookCore/Search/EnglishStemmer.swift and Templates/assets/search-stemmer.js: both
test suites check every pair. The expected stems come from PyPI's snowballstemmer, the Snowball
project's own Python port, so neither implementation is checked against itself.

    python3 -m venv /tmp/stemvenv && /tmp/stemvenv/bin/pip install snowballstemmer
    /tmp/stemvenv/bin/python scripts/stemmer-vectors.py

The words are:
- every word (a-z, 2 to 20 letters, lower-cased) of the Markdown files under Content/ and
  Benchmarks/, whatever articles are there when the script runs;
- CURATED below: words that exercise every rule of the algorithm, its exceptions, and the
  misspellings customers type;
- the words of /usr/share/dict/words (a-z only, 2 to 20 letters) when that file exists;
  otherwise the support and e-mail vocabulary below with its inflections.

The output is sorted and has one pair per line, so a new Snowball release or a new article
shows up as a readable diff. Running the script twice gives the same file.
"""
import importlib.metadata
import json
import pathlib
import re
import sys

try:
    # The pure-Python port itself: snowballstemmer.stemmer() would silently switch to PyStemmer
    # (a C build of a possibly different Snowball release) when that happens to be installed.
    from snowballstemmer.english_stemmer import EnglishStemmer
except ImportError:
    sys.exit("snowballstemmer is missing: python3 -m venv /tmp/stemvenv && "
             "/tmp/stemvenv/bin/pip install snowballstemmer, then run this script with "
             "/tmp/stemvenv/bin/python")

REPO = pathlib.Path(__file__).resolve().parents[1]
OUTPUT = REPO / "Tests" / "Fixtures" / "search" / "stemmer-vectors.json"
SOURCES = [REPO / "Content", REPO / "Benchmarks"]
DICTIONARY = pathlib.Path("/usr/share/dict/words")
WORD = re.compile(r"[a-z]{2,20}")

# Words for every rule of https://snowballstem.org/algorithms/english/stemmer.html, grouped by
# the rule they are for (a word often exercises several).
CURATED = """
    a i an as at be by do go he if in is it me my no of on or so to up us we ax ox ye ya
    the are was and its yes sis ies ing eed ied ees

    skis skies sky dying lying tying vying idly gently ugly early only singly news howe
    atlas cosmos bias andes skiing skied ski lies lie ties tie dyed dyes

    inning innings outing outings canning cannings herring herrings earring earrings
    evening evenings proceed proceeds proceeded proceeding exceed exceeds exceeded exceeding
    succeed succeeds succeeded succeeding succeedingly exceedingly

    generously generous generate generated generation general generally generic generosity
    communication communications communicate communicated community communities communism
    communist commune arsenal arsenals arsenic emergency emergencies emerge emerged emergence
    interest interested interesting internal international interview later lateral laterally
    organ organs organic organization organize organized past paste pasted pasting pastime
    pastry pastries universe universes universal university universities

    don't doesn't can't won't it's boy's boys' boys's' 'tis o'clock rock'n'roll user's users'
    admin's ''s

    caresses ponies cries cried died gas gaps kiwis this his bus buses census cactus focus
    focuses class classes pass passes witness witnesses dress dresses chaos virus viruses
    status stresses sees bees ones yes's

    luxuriate luxuriated luxuriating hop hops hoped hoping hopped hopping hope hopes
    fail failed failing file filed filing fit fitted fitting fill filled filling agree agreed
    agreeing feed feeds bleed bleeding speed speeding guaranteed disagreeing conflated troubled
    troubling size sized sizing tan tanned fall falling hiss hissing fizz fizzed added egged
    ebbed erred inned offed oddly reportedly supposedly markedly deservedly allegedly
    surprisingly seemingly willingly knowingly agreedly feedly bled sled shed wed bed red
    ring sing king thing nothing something bring string spring

    fly flying flies flied cry crying try trying tried spy spying play playing played player
    players say saying sayings buy buying buyer buyers dry drying dried dryer eye eyeing eying

    by happy happily happiness enjoy enjoyed enjoying enjoyable toy toys boy boys fly dry
    easy easily candy berry berries employ employed employee employees employer destroy
    destroyed journey journeys valley valleys key keys monkey monkeys day days today
    obey obeyed obeying annoy annoying annoyingly pay payable payment ayes ayyy byyy

    youth youthful yesterday yellow yellowish yield yielded yielding yeast yacht yachting
    year yearly yearlies young younger youngest you your yours yourself yoyo yoyos yay

    relational conditional rational valenci hesitanci digitizer conformabli radicalli
    differentli vileli analogousli vietnamization predication operator operators feudalism
    decisiveness hopefulness callousness formaliti sensitiviti sensibiliti relativity
    fruitfully fearlessly lessly hopelessly archaeology geologist biologist ecology
    ecologies analogies zoology apology apologies apologist apologize logical mainly heavily
    entirely completely nicely briefly usually certainly properly publicly badly deadly
    kindly lovely likely timely wholly fully ably humbly

    triplicate formative formalize formalized electriciti electricity electrical hopeful
    goodness additional sensational communicative authenticate duplicate critical musical
    useful careful happiness darkness illness sensitivity simplicity publicity

    revival allowance inference airliner gyroscopic adjustable defensible irritant
    replacement adjustment dependent adoption activate angulariti homologous effective
    bowdlerize element agreement settlement movement cement moment comment document
    adoption position question suggestion mention erosion explosion decision vision

    probate rate cease controll roll fill bell hope create debate replace resolve
    recipe escape estate state make made mode

    hoping hoped mixing mixed snowing snowed bowing bowed tapping taping fuming dieted
    abated abed ached oared uses used using eating aged aging axed owed owing iced icing
    aimed aiming seeing fleeing freeing

    dinner bigger biggest stopped stopping planning shipped chatted logged mapped scanned
    committed occurred transferred preferred referring controlled cancelled travelled
    fulfilled installed spelled

    archive archived archives archiving archiver print printing printed printer printers
    printable sync syncs synced syncing synchronize synchronized synchronizing
    synchronization resync resyncing

    recieve recieved recieving reciept seperate seperately seperated adress adresses adressed
    occured occuring sucessful sucessfully definately untill wich emial emials attachement
    attachements pasword paswords acount acounts recipent recipents sycning syncronize
    recieveing delivred recived sended sendt loged loging conection conections
"""

# Support and e-mail vocabulary, inflected below when there is no system dictionary.
VERBS = """
    accept access activate add adjust allow answer apply approve archive arrive ask assign
    attach authenticate authorize back bounce break browse build call cancel change check
    choose clean clear click close collect compare complain complete compress configure
    confirm connect contact contain continue convert copy correct create decline decode
    decrypt delay delete deliver deny deploy describe detect disable disconnect display
    download drag drop edit empty enable encode encrypt enter erase expire explain export
    fail fetch filter find finish fix flag follow force format forward freeze generate
    happen help hide identify ignore import include increase install introduce invite
    join keep label launch leave limit link list load locate lock log lose maintain manage
    mark match merge migrate miss modify monitor move notify obtain open order organize
    overwrite pass paste pause permit pick ping plan play post prefer prepare prevent
    print process protect provide publish purge queue reach read receive recover redirect
    refresh register reject relay release reload remain remember remove rename reopen repair
    repeat replace reply report request require reset resolve respond restart restore
    restrict resume retain retry return review revoke run save scan schedule search secure
    select send separate set share ship show sign sort spam specify start stay stop store
    submit subscribe succeed suggest support suspend switch sync test throttle time trace
    track transfer translate trust try turn type unblock uninstall unlock unsubscribe update
    upgrade upload use validate verify view wait warn work wrap write
"""

NOUNS = """
    account address administrator adviser agent alias alert app application archive
    attachment attempt backup balance bandwidth banner block body bounce box browser bug
    cache calendar certificate channel character charge client cloud code column company
    computer condition connection contact content contract cookie copy customer dashboard
    data database date day default delivery department description detail device dialog
    directory disk document domain draft driver email employee encoding engine entry error
    event exception extension failure feature field file filter firewall folder font form
    format forum gateway group guide handler header history holiday host icon image inbox
    index instruction interface internet invoice issue item key keyboard language laptop
    layout license limit line link list location log login mailbox manager member memory
    menu message method mobile mode module month name network newsletter node note notice
    notification number object office operator option owner package page pane password
    path pattern payment permission phone picture plugin policy port portal preference
    printer priority privacy problem profile program project protocol provider proxy
    question queue quota reason receipt recipient record reference region relay reminder
    report request resolution response result role router rule schedule screen script
    search section sender server service session setting signature site size solution
    source space spammer speed status step storage subject subscription summary supplier
    support system table tablet task team template tenant thread ticket timeout title
    token tool topic traffic trial user username value vendor version virus website week
    window wizard word workaround year zone
"""

ADJECTIVES = """
    active actual additional automatic available bad basic blank broken busy careful certain
    clear common complete correct current damaged dead default different direct due easy
    empty encrypted entire exact external fair false fast final free frequent full general
    good great happy heavy helpful hidden high immediate important incorrect internal
    invalid large last late legal legitimate likely local long low main manual missing
    mobile modern necessary new normal obvious official old online open ordinary original
    other partial permanent personal plain possible previous primary private proper public
    quick random rare ready real recent regular relevant reliable remote right safe secure
    sensitive serious short similar simple slow small special stable strange strict strong
    sudden suspicious temporary total true unable unknown unusual urgent useful usual valid
    visible weak whole wrong
"""

# One-syllable (or final-stress) words whose last consonant doubles before -ed, -ing, -er.
DOUBLING = set("""
    bad big chat commit drop fit flag hop log map plan prefer put run scan set ship shop
    sit stop submit swap tag transfer trim wrap occur refer control cancel travel label
""".split())


def plural(word):
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def stem_for_suffix(word, suffix):
    """The word with its spelling adjusted for a suffix that starts with a vowel."""
    if word in DOUBLING:
        return word + word[-1]
    if word.endswith("ie") and suffix == "ing":
        return word[:-2] + "y"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1]
    if re.search(r"[^aeiou]y$", word) and suffix != "ing":
        return word[:-1] + "i"
    return word


def inflections(word, suffixes):
    out = set()
    for suffix in suffixes:
        if suffix == "s":
            out.add(plural(word))
        elif suffix == "ly":
            if re.search(r"[^aeiou]y$", word):
                out.add(word[:-1] + "ily")
            elif word.endswith("le"):
                out.add(word[:-1] + "y")
            elif word.endswith("ic"):
                out.add(word + "ally")
            else:
                out.add(word + "ly")
        elif suffix in ("ness", "ment", "ful", "less"):
            base = word[:-1] + "i" if re.search(r"[^aeiou]y$", word) else word
            out.add(base + suffix)
        else:
            out.add(stem_for_suffix(word, suffix) + suffix)
    return out


def vocabulary():
    words = set()
    for verb in VERBS.split():
        words.add(verb)
        words |= inflections(verb, ["s", "ed", "ing", "er", "ers", "able", "ment", "ation", "ations"])
    for noun in NOUNS.split():
        words.add(noun)
        words |= inflections(noun, ["s", "al", "ally", "less", "ful", "ize", "ized", "ization"])
    for adjective in ADJECTIVES.split():
        words.add(adjective)
        words |= inflections(adjective, ["ly", "ness", "er", "est", "ity", "ism", "ize", "ities"])
    return words


def markdown_words():
    words = set()
    for root in SOURCES:
        for path in sorted(root.rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace").lower()
            words.update(WORD.findall(text))
    return words


def main():
    words = markdown_words()
    words.update(CURATED.split())
    if DICTIONARY.exists():
        for line in DICTIONARY.read_text(encoding="utf-8", errors="replace").split():
            if WORD.fullmatch(line):
                words.add(line)
    else:
        words.update(word for word in vocabulary() if WORD.fullmatch(word))

    for word in words:
        assert re.fullmatch(r"[a-z']+", word), word
    stemmer = EnglishStemmer()
    pairs = [[word, stemmer.stemWord(word)] for word in sorted(words)]
    lines = ",\n".join(json.dumps(pair, ensure_ascii=True) for pair in pairs)
    header = {
        "algorithm": "snowball english (Porter2)",
        "generator": "snowballstemmer " + importlib.metadata.version("snowballstemmer"),
    }
    text = json.dumps(header, ensure_ascii=True)[:-1] + ', "words": [\n' + lines + "\n]}\n"
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT.relative_to(REPO)}: {len(pairs)} words")


if __name__ == "__main__":
    main()
