// filled in by the catalogue issue
