"""The Chinese text layer: normalization (normalize.py), paragraph layout (layout.py), sentence
segmentation (segment.py), pinyin keys (pinyin.py), character classes (chars.py), numbers written
in words (numbers.py)."""
