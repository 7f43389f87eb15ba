#!/usr/bin/env bash
# Renders the icon set from icons/meldedesk.svg: PNGs from 16 to 512 px, a
# multi-size Windows .ico and a macOS .icns, and copies the PNGs to the
# resources the main window loads. Rerun it after every change to the SVG and
# commit its output, because the Maven build does not need these tools.
#
# Needs (Debian/Ubuntu): apt-get install -y --no-install-recommends librsvg2-bin imagemagick icnsutils
#   rsvg-convert (librsvg2-bin) renders the PNGs,
#   convert (ImageMagick) packs the .ico,
#   png2icns (icnsutils) packs the .icns.
set -euo pipefail

icons_dir="$(cd "$(dirname "$0")" && pwd)"
repo_dir="$(dirname "$icons_dir")"
master="$icons_dir/meldedesk.svg"
png_dir="$icons_dir/png"
resource_dir="$repo_dir/src/main/resources/de/meldedesk/icons"
sizes=(16 24 32 48 64 128 256 512)

for tool in rsvg-convert convert png2icns; do
    if ! command -v "$tool" >/dev/null; then
        echo "generate.sh: $tool not found; install librsvg2-bin, imagemagick and icnsutils" >&2
        exit 1
    fi
done

mkdir -p "$png_dir" "$resource_dir"
for size in "${sizes[@]}"; do
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "$png_dir/meldedesk-$size.png" "$master"
done

# Windows picks the image closest to the size it draws, from 16 px in lists to
# 256 px in large views. ImageMagick stores the 256 px image as PNG inside the .ico.
convert "$png_dir/meldedesk-16.png" "$png_dir/meldedesk-24.png" "$png_dir/meldedesk-32.png" \
    "$png_dir/meldedesk-48.png" "$png_dir/meldedesk-64.png" "$png_dir/meldedesk-128.png" \
    "$png_dir/meldedesk-256.png" "$icons_dir/meldedesk.ico"

# png2icns derives the icns element type from each PNG's size, so it gets only
# sizes that have an element type: 16, 32, 128, 256 and 512 px.
png2icns "$icons_dir/meldedesk.icns" \
    "$png_dir/meldedesk-16.png" "$png_dir/meldedesk-32.png" "$png_dir/meldedesk-128.png" \
    "$png_dir/meldedesk-256.png" "$png_dir/meldedesk-512.png" >/dev/null

# The main window offers every size, and the window system picks the one it needs.
rm -f "$resource_dir"/meldedesk-*.png
for size in "${sizes[@]}"; do
    cp "$png_dir/meldedesk-$size.png" "$resource_dir/"
done

echo "Icons written to $png_dir, $icons_dir/meldedesk.ico, $icons_dir/meldedesk.icns and $resource_dir"
