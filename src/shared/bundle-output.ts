// Output options every app bundle shares (renderer, its workers, main, preload; web and Electron builds alike).
// No licence comments: THIRD-PARTY-NOTICES.md (`npm run notices`) carries each licence once, where @stdlib's
// Apache header otherwise repeats in every bundled module (746 times per engine worker). The CLI bundle does the
// same with esbuild's `legalComments: 'none'` (scripts/build-cli.mjs).
export const bundleOutput = { comments: { legal: false } } as const;
