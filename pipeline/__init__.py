"""laa-review: evidence-linked review of Local Area Agreement submission packs.

Data flows one way: files -> Document (extract) -> Pack (analyse) -> Finding (detectors)
-> Review (review) -> reports (report).
"""

__version__ = "0.1.0"
