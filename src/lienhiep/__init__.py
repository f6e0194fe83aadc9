"""lienhiep: the work of a Vietnamese union of science and technology associations."""
