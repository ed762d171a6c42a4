/** Svelte 5 understands `lang="ts"` itself, so no preprocessor is needed. */
export default {
  compilerOptions: { runes: true },
};
