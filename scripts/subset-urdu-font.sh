#!/usr/bin/env bash
# Makes the Urdu pages' font: Noto Nastaliq Urdu (the script style Urdu readers expect), cut down
# to the letters and punctuation of Urdu so it stays under 100 KB, self-hosted so no page asks
# another site for it. Run by hand when the set of characters changes; its output is committed
# with the font's licence. Needs fontTools (Debian: apt-get install python3-fonttools python3-brotli)
# and the devDependency @fontsource/noto-nastaliq-urdu.
set -euo pipefail
cd "$(dirname "$0")/.."
source=node_modules/@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2
out=src/assets/fonts
# Urdu's letters, the marks Urdu writes (tanween, short vowels, shadda, superscript alef and
# hamza above) and the Arabic punctuation Urdu uses. Digits, Latin letters
# and symbols come from the page's usual fonts (they are kept left to right anyway).
letters='ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےآؤئۂۓأ،؛؟۔ًَُِّٰٔ'
/usr/bin/python3 - "$source" "$out/noto-nastaliq-urdu-subset.woff2" "$letters" <<'PY'
import sys
from fontTools import subset
from fontTools.ttLib import TTFont
source, target, letters = sys.argv[1:]
options = subset.Options()
options.flavor = 'woff2'
options.hinting = False
options.name_IDs = [0, 1, 2, 3, 13, 14]
options.layout_features = ['*']
font = TTFont(source)
subsetter = subset.Subsetter(options)
subsetter.populate(text=letters)
subsetter.subset(font)
font.save(target)
PY
printf '%s' "$letters" > "$out/noto-nastaliq-urdu-subset.characters.txt"
cp node_modules/@fontsource/noto-nastaliq-urdu/LICENSE "$out/noto-nastaliq-urdu-OFL.txt"
ls -l "$out"
