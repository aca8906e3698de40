"""The Keuzehulp: placeholder until its rules are written."""

from .catalogue import GeneratedPage


def pages(indexes):
    return [GeneratedPage("keuzehulp/index.md", "Keuzehulp", lambda url: "<p>De Keuzehulp komt hier.</p>")]
