// Command-line options of the benchmark scripts: `--name value` pairs and flags.

const argv = process.argv.slice(2);

/** The value given after `name`, or `dflt` when `name` is absent. */
export const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i < 0 ? dflt : argv[i + 1];
};

/** True when the flag `name` is given. */
export const flag = (name) => argv.includes(name);
