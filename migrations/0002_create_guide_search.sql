-- Full-text search over the guides: one row per section (the intro, then each h2 or h3).
-- The rows are rebuilt from the Markdown at every start, so nothing here is ever edited by hand.
-- `porter` stems words ("careers" finds "career"); `unicode61` folds case and accents.
create virtual table guide_search using fts5 (
    slug unindexed,     -- the guide's slug
    anchor unindexed,   -- the heading's id; null for the intro
    title,              -- the guide's title
    heading,            -- the section's heading (the guide's title for the intro)
    body,               -- the section's plain text
    tokenize = 'porter unicode61 remove_diacritics 2'
);
