import Link from "next/link";

type Props = {
  back: { href: string; label: string };
  title: string;
  brief: { title: string; language: string };
};

/** Back link and heading of the pages under a brief (history, compare): which brief, in its language. */
export function BriefSubpageHeader({ back, title, brief }: Props) {
  return (
    <>
      <Link href={back.href}>
        <span className="back-arrow" aria-hidden="true">
          ←
        </span>{" "}
        {back.label}
      </Link>
      <header className="page-head">
        <h1>{title}</h1>
        <p dir="auto" lang={brief.language}>
          {brief.title}
        </p>
      </header>
    </>
  );
}
