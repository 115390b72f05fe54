import type { BuildOptions } from 'esbuild';

export declare const runtimeModules: string[];
export declare const bundleOptions: BuildOptions;
export declare const preloadOptions: BuildOptions;
