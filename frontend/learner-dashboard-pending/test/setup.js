import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { mergeConfig } from '@edx/frontend-platform';

mergeConfig({ LMS_BASE_URL: 'http://lms.example.com' });

afterEach(() => cleanup());
