"""An annotated bilingual digital edition of a newspaper page: the generator."""
