import type { BuildOptions, Plugin } from 'esbuild';

export declare const runtimeModules: string[];
export declare const bundleOptions: BuildOptions;
export declare const preloadOptions: BuildOptions;
export declare const embedDictionariesPlugin: Plugin;
