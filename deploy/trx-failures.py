#!/usr/bin/env python3
"""Prints each failed test of a TRX file with the first lines of its message and stack, for the tail of a CI log."""
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
for result in root.iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") != "Failed":
        continue
    print(f"  FAILED {result.get('testName')} ({result.get('duration')})")
    for tag in ("Message", "StackTrace"):
        node = result.find(f".//t:ErrorInfo/t:{tag}", ns)
        if node is not None and node.text:
            for line in node.text.strip().splitlines()[:12 if tag == "Message" else 6]:
                print(f"      {line[:300]}")
