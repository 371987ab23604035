/**
 * What the loaders of definition files (sequences, rule packs, message templates) share: reading a directory of YAML
 * files, a strict YAML reader, one-line descriptions of syntax errors, and the collecting of every error of a file
 * into one exception. Plain Java: no Vert.x, no console output.
 */
package io.parley.files;
